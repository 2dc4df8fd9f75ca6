declare module 'decuong:builtin-templates' {
  const templates: ReadonlyArray<{ path: string; text: string }>;
  export default templates;
}
