"""Starting a native messaging host under Wine exactly as Chrome does on
Windows: %COMSPEC% /d /s /c ""<host.exe>" <origin> --parent-window=0".

Wine builds a Windows command line from its Unix arguments and escapes the
quotes in them, which cmd.exe does not understand; so the command line is
written verbatim into a batch file (with '@' so cmd echoes nothing onto the
host's stdout) and the batch file is what Wine runs. stdin and stdout pass
through to the host.
"""
import os
import subprocess
import tempfile


def run_as_chrome(wine_run, prefix, host_windows_path, origin, stdin, timeout=120):
    line = '@%%COMSPEC%% /d /s /c ""%s" %s --parent-window=0"\r\n' % (host_windows_path, origin)
    with tempfile.TemporaryDirectory() as folder:
        batch = os.path.join(folder, "chrome_starts_host.bat")
        with open(batch, "w", newline="") as f:
            f.write(line)
        return subprocess.run([wine_run, prefix, "cmd", "/d", "/c", "Z:" + batch.replace("/", "\\")],
                              input=stdin, capture_output=True, timeout=timeout)
