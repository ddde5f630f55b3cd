/** Input the user can fix (a start where the function is undefined, an unreadable CSV): exit code 2, no stack. */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
}
