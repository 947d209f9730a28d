// A deterministic aws-extend-switch-roles configuration of any size, shaped like a large organization's:
// 20 base accounts (half with target_role_name / target_region), the rest targets, four roles per account,
// both ways of naming a role, colours, regions and the odd image. Used by the tests and the bench.
const ROLES = ['Admin', 'ReadOnly', 'Deploy', 'ci/Builder'];
export const AESR_BASES = 20;

export function aesrConfig(profiles: number): string {
  const out: string[] = ['; generated aws-extend-switch-roles configuration', ''];
  const bases = Math.min(AESR_BASES, profiles);
  for (let b = 0; b < bases; b++) {
    out.push(`[base-${b}]`, `aws_account_id = ${String(900000000000 + b)}`);
    if (b % 2 === 0)
      out.push('target_role_name = OrganizationAccountAccessRole', 'target_region = eu-west-1');
    out.push('');
  }
  for (let i = 0; i < profiles - bases; i++) {
    const account = String(100000000000 + Math.floor(i / ROLES.length));
    const role = ROLES[i % ROLES.length]!;
    out.push(i % 5 === 0 ? `[team-${i}]` : `[profile team-${i}]`);
    if (i % 3 === 0) out.push(`role_arn = arn:aws:iam::${account}:role/${role}`);
    else out.push(`aws_account_id = ${account}`, `role_name = ${role}`);
    if (i % 5 === 0) out.push(`source_profile = base-${i % bases}`);
    if (i % 2 === 0) out.push(`color = ${((i * 2654435761) % 0xffffff).toString(16).padStart(6, '0')}`);
    if (i % 7 === 0) out.push('region = us-east-1');
    if (i % 50 === 0) out.push('image = "https://example.com/icon.png"');
    out.push('');
  }
  return out.join('\n');
}
