// A user's own rule file for a site no built-in rule knows
// (papers.example.test, served by the fixture server): the e2e and Xvfb
// tests check that such a site gets the page menu.
export const USER_RULES = JSON.stringify({
  schema: 1,
  families: [{
    name: 'example', display: 'Example Papers', page: 'venue',
    page_patterns: ['*://papers.example.test/paper/*'],
  }],
  rules: [{
    id: 'example', family: 'example', literals: ['papers.example.test'],
    pattern: 'papers\\.example\\.test/paper/([0-9]+)', output: '{1}@Example',
    examples: [{ field: 'page', input: 'https://papers.example.test/paper/42', url: 'https://papers.cool/venue/42@Example' }],
  }],
});
