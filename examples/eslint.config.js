// ESLint 10 uses the config nearest to each file: the repository's rules, and
// the examples' build output (examples/*/dist) left out.
import root from '../eslint.config.js';

export default [{ ignores: ['*/dist/'] }, ...root];
