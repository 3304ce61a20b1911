/**
 * Where a webhook may point. Deliveries carry a district's business data, so in production they
 * travel over HTTPS only; plain HTTP is for a receiver on the same machine (development), or for
 * anything while the test suite runs its own receivers.
 */
export type PlainHttpPolicy = 'LOOPBACK_ONLY' | 'ANY';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Why this URL may not receive deliveries, in words for the user; null when it may. */
export function webhookUrlProblem(url: string, plainHttp: PlainHttpPolicy): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '不是有效的网址';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return '仅支持 https 地址';
  // The URL is recorded in an event, and events are exported: credentials must not ride in it.
  if (parsed.username || parsed.password) return '网址中不能包含用户名或密码';
  if (parsed.hash) return '网址中不能包含 # 片段';
  if (parsed.protocol === 'http:' && plainHttp === 'LOOPBACK_ONLY' && !isLoopbackHost(parsed.hostname)) {
    return '须使用 https（仅本机地址可用 http）';
  }
  return null;
}

/** Delivery statuses from which a delivery may be sent again: it finished, one way or the other. */
export const REPLAYABLE_DELIVERY_STATUSES = ['DELIVERED', 'DEAD'] as const;
