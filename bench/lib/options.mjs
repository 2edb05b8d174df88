// The command-line options of the bench scripts: `--name value` pairs and bare `--flag`s.
export function benchOptions(argv = process.argv.slice(2)) {
  return {
    /** The value after `--name`, else `dflt`. */
    value(name, dflt) {
      const i = argv.indexOf(`--${name}`);
      return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
    },
    has: (flag) => argv.includes(`--${flag}`),
  };
}
