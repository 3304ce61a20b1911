import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import dayjs from 'dayjs';
import { useSession } from '../auth/session-context';
import { useI18n } from '../i18n/locale';
import { describeApiError, RestError } from '../shared/api-error';
import { fileNameOf, saveBlob } from '../shared/download';
import { useLongOperation } from '../shared/long-operation';
import { ledgerSearchParams, type LedgerFilter } from './ledger-filter';

/** The Excel export of exactly the rows the filter selects: GET /api/ledger.xlsx?<the same filter>. */
export function ExportButton({ filter }: { filter: LedgerFilter }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { authorizedFetch } = useSession();
  const { run, element, running } = useLongOperation(3000);
  const exportLedger = async (): Promise<void> => {
    try {
      const fileName = await run(t('ledger.exporting'), async () => {
        const response = await authorizedFetch(`/api/ledger.xlsx?${ledgerSearchParams(filter).toString()}`);
        if (!response.ok) throw await RestError.fromResponse(response);
        const name = fileNameOf(response, `${t('ledger.title')}-${dayjs().format('YYYYMMDD')}.xlsx`);
        saveBlob(await response.blob(), name);
        return name;
      });
      void message.success(t('ledger.exported', { file: fileName }));
    } catch (error) {
      void message.error(describeApiError(error).message ?? t('error.network'));
    }
  };
  return (
    <>
      <Button icon={<FileExcelOutlined />} onClick={() => void exportLedger()} loading={running} data-testid="export-ledger">
        {t('ledger.export')}
      </Button>
      {element}
    </>
  );
}
