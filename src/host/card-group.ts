/**
 * Which split card elements belong together. Elements in one document form
 * one card unless their `group` attributes differ. Each (document, group)
 * gets a random id, which the frames use to find each other on the
 * tokenization origin; the host only ever knows who is present, never a value.
 */
export type CardField = 'number' | 'expiry' | 'cvc';

export interface CardGroupMember extends HTMLElement {
  readonly cardField: CardField;
  /** Whether it takes part in form validation depends on its group's number element: recheck. */
  refreshValidity(): void;
}

interface Group {
  id: string;
  members: Set<CardGroupMember>;
}

const groupsOf = new WeakMap<Document, Map<string, Group>>();
const groupOf = new WeakMap<CardGroupMember, Group>();

function randomId(): string {
  // getRandomValues, unlike randomUUID, also exists on pages served over plain http.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Puts the element in the group its attribute names (leaving any other); returns the group's id. */
export function joinCardGroup(member: CardGroupMember): string {
  const name = member.getAttribute('group') ?? '';
  const groups = groupsOf.get(member.ownerDocument) ?? new Map<string, Group>();
  groupsOf.set(member.ownerDocument, groups);
  let group = groups.get(name);
  if (!group) {
    group = { id: randomId(), members: new Set() };
    groups.set(name, group);
  }
  if (groupOf.get(member) !== group) {
    leaveCardGroup(member);
    group.members.add(member);
    groupOf.set(member, group);
    refresh(group);
  }
  return group.id;
}

export function leaveCardGroup(member: CardGroupMember): void {
  const group = groupOf.get(member);
  if (!group) return;
  group.members.delete(member);
  groupOf.delete(member);
  refresh(group);
}

/** The element for `field` in the same group as `member`, if there is one on the page. */
export function cardGroupMember(member: CardGroupMember, field: CardField): CardGroupMember | undefined {
  return [...(groupOf.get(member)?.members ?? [])].find((other) => other.cardField === field);
}

/** Everyone else in `member`'s group. */
export function cardGroupSiblings(member: CardGroupMember): CardGroupMember[] {
  return [...(groupOf.get(member)?.members ?? [])].filter((other) => other !== member);
}

function refresh(group: Group): void {
  group.members.forEach((member) => member.refreshValidity());
}
