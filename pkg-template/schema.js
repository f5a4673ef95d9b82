// Standard Schema v1 (https://standardschema.dev) for a normalize function:
// validate() is synchronous and returns { value } with the normalized
// payload, or { issues } with the errors (message and path, plus code,
// pointer and severity for those who want them).
export function makeSchema(normalize) {
  return {
    '~standard': {
      version: 1,
      vendor: 'trillet-flows',
      validate(value) {
        const result = normalize(value);
        if (result.ok) return { value: result.value };
        return {
          issues: result.issues
            .filter((i) => i.severity === 'error')
            .map((i) => ({ message: i.message, path: i.path, code: i.code, pointer: i.pointer, severity: i.severity })),
        };
      },
    },
  };
}
