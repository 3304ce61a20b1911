import { Inject, Injectable } from '@nestjs/common';
import { ScopedTransactions } from '../../database/scoped-transactions';

export interface UploadedEvidence {
  sha256: string;
  filename: string;
  mediaType: string;
  size: number;
  uploadedBy: string;
}

export interface DownloadableEvidence {
  /** The finding the file was filed for: what the Evidence read rule is checked on. */
  tenantId: string;
  unitId: string;
  filename: string | null;
  mediaType: string | null;
}

/** evidence_files (what uploads were called) and the link from a finding's check-ins to their files. */
@Injectable()
export class FindingEvidenceRepository {
  constructor(@Inject(ScopedTransactions) private readonly transactions: ScopedTransactions) {}

  /** The first upload of a file in a district names it; a later upload of the same bytes keeps that name. */
  register(tenantId: string, upload: UploadedEvidence): Promise<void> {
    return this.transactions.run({ tenantIds: [tenantId] }, async (sql) => {
      await sql.query(
        `INSERT INTO evidence_files (tenant_id, sha256, filename, media_type, size, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, now()) ON CONFLICT (tenant_id, sha256) DO NOTHING`,
        [tenantId, upload.sha256, upload.filename, upload.mediaType, upload.size, upload.uploadedBy],
      );
    });
  }

  /** The file, if one of the finding's check-ins refers to it; row-level security keeps to the caller's districts. */
  downloadable(tenantIds: readonly string[], findingId: string, sha256: string): Promise<DownloadableEvidence | undefined> {
    return this.transactions.read({ tenantIds }, async (sql) => {
      const [row] = await sql.query<{ tenant_id: string; unit_id: string; filename: string | null; media_type: string | null }>(
        `SELECT f.tenant_id, f.unit_id, e.filename, e.media_type
           FROM findings f LEFT JOIN evidence_files e ON e.tenant_id = f.tenant_id AND e.sha256 = $2
          WHERE f.id = $1
            AND EXISTS (SELECT 1 FROM finding_check_ins c
                         WHERE c.tenant_id = f.tenant_id AND c.finding_id = f.id AND c.evidence @> jsonb_build_array($2::text))`,
        [findingId, sha256],
      );
      return row && { tenantId: row.tenant_id, unitId: row.unit_id, filename: row.filename, mediaType: row.media_type };
    });
  }
}
