/** Multi-valued filters live in the address bar as comma lists: type=invention,utility. */
export function splitList(v: string | undefined): string[] {
  return v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

/** 10,000+ when the server stopped counting. */
export function totalText(total: number, capped: boolean): string {
  return `${total.toLocaleString('en-US')}${capped ? '+' : ''}`;
}
