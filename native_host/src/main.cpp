#include "cli.hpp"

int main(int argc, char** argv) { return coolpapers::app::run(argc, argv); }
