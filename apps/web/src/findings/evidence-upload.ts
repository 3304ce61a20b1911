import type { AuthorizedFetch } from '../graphql/authorized-fetch';
import { RestError } from '../shared/api-error';

export interface UploadedEvidence {
  sha256: string;
  filename: string;
}

/** Sends one file to POST /api/evidence (multipart field `file`); the answer's sha256 goes into the check-in. */
export async function uploadEvidence(authorizedFetch: AuthorizedFetch, file: File, findingId: string): Promise<UploadedEvidence> {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('findingId', findingId);
  const response = await authorizedFetch(`/api/evidence?findingId=${encodeURIComponent(findingId)}`, { method: 'POST', body: form });
  if (!response.ok) throw await RestError.fromResponse(response);
  const body = (await response.json()) as { sha256: string };
  return { sha256: body.sha256, filename: file.name };
}

/** Where an evidence file is downloaded: the finding id lets the API check the reader may see it. */
export function evidenceUrl(sha256: string, findingId: string): string {
  return `/api/evidence/${sha256}?findingId=${encodeURIComponent(findingId)}`;
}
