import { chinaDateTime, FINDING_CATEGORY_LABELS, FINDING_SEVERITY_LABELS, WARNING_LEVEL_LABELS } from '@zeren/domain';
import ExcelJS from 'exceljs';
import type { Finding } from '../finding.models';
import type { ChainProvenance } from './ledger-provenance.repository';

export interface LedgerWorkbookInput {
  findings: readonly Finding[];
  unitNames: ReadonlyMap<string, string>;
  districtNames: ReadonlyMap<string, string>;
  provenance: readonly ChainProvenance[];
  exportedAt: Date;
  exportedBy: string;
  /** The filter in words, as the query string gave it. */
  filterText: string;
  /** False when events kept arriving while the export ran, so the rows may be newer than the heads stated. */
  consistent: boolean;
}

const LEDGER_COLUMNS: Array<{ header: string; width: number; value: (finding: Finding, input: LedgerWorkbookInput) => string | number | null }> = [
  { header: '区县', width: 12, value: (finding, input) => input.districtNames.get(finding.tenantId) ?? finding.tenantId },
  { header: '责任单位', width: 18, value: (finding, input) => input.unitNames.get(`${finding.tenantId}/${finding.unitId}`) ?? finding.unitId },
  { header: '问题', width: 40, value: (finding) => finding.title },
  { header: '问题类别', width: 12, value: (finding) => FINDING_CATEGORY_LABELS[finding.category] },
  { header: '严重程度', width: 10, value: (finding) => FINDING_SEVERITY_LABELS[finding.severity] },
  { header: '整改期限', width: 12, value: (finding) => finding.deadline },
  { header: '状态', width: 14, value: (finding) => finding.statusLabel },
  { header: '最新进展（%）', width: 12, value: (finding) => finding.latestPercent },
  { header: '最近填报时间', width: 18, value: (finding) => (finding.lastCheckInAt ? chinaDateTime(finding.lastCheckInAt) : null) },
  { header: '逾期天数', width: 10, value: (finding) => (finding.overdue ? -finding.daysRemaining : 0) },
  { header: '三色预警', width: 10, value: (finding) => (finding.warningLevel ? WARNING_LEVEL_LABELS[finding.warningLevel] : null) },
  { header: '登记时间', width: 18, value: (finding) => chinaDateTime(finding.recordedAt) },
  { header: '问题编号', width: 38, value: (finding) => finding.id },
];

function checkpointState(provenance: ChainProvenance): string {
  if (!provenance.checkpoint) return '尚无签名检查点';
  const unsigned = provenance.headPosition - provenance.checkpoint.position;
  return unsigned === 0 ? '链头已签名' : `链头之后另有 ${unsigned} 条事件，待下次签名`;
}

/**
 * The 整改台账 as .xlsx: one row per finding, and a 数据来源 sheet stating each district's chain
 * head and latest signed checkpoint, so a printed ledger can be tied to the verifiable history.
 */
export async function buildLedgerWorkbook(input: LedgerWorkbookInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '责任链 Zeren';
  workbook.created = input.exportedAt;
  const ledger = workbook.addWorksheet('整改台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  ledger.columns = LEDGER_COLUMNS.map((column) => ({ header: column.header, width: column.width }));
  ledger.getRow(1).font = { bold: true };
  for (const finding of input.findings) ledger.addRow(LEDGER_COLUMNS.map((column) => column.value(finding, input)));

  const source = workbook.addWorksheet('数据来源');
  source.columns = [{ width: 16 }, { width: 16 }, { width: 68 }, { width: 16 }, { width: 68 }, { width: 18 }, { width: 18 }, { width: 30 }];
  source.addRows([
    ['导出时间', chinaDateTime(input.exportedAt)],
    ['导出人', input.exportedBy],
    ['筛选条件', input.filterText || '全部'],
    ['问题条数', input.findings.length],
    ['数据一致性', input.consistent ? '台账与下列链头取自同一时刻的数据' : '导出期间有新的记录写入，台账可能比下列链头更新'],
    [],
    ['区县', '链头位置', '链头哈希 (sha256)', '签名检查点位置', '检查点哈希', '签名时间', '签名密钥', '说明'],
  ]);
  source.getRow(7).font = { bold: true };
  for (const head of input.provenance) {
    source.addRow([
      input.districtNames.get(head.tenantId) ?? head.tenantId,
      head.headPosition,
      head.headHash,
      head.checkpoint?.position ?? null,
      head.checkpoint?.hash ?? null,
      head.checkpoint ? chinaDateTime(head.checkpoint.signedAt) : null,
      head.checkpoint?.keyId ?? null,
      checkpointState(head),
    ]);
  }
  source.addRow([]);
  source.addRow(['核验方法', '用 tools/verify-audit 核验该区县的审计包：链头位置与哈希相同，即本台账出自经签名可核验的历史。']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
