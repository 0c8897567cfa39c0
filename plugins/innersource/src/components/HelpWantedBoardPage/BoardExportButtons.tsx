import { useState } from 'react';
import Button from '@material-ui/core/Button';
import GetAppIcon from '@material-ui/icons/GetApp';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { BoardExportFormat, innerSourceApiRef } from '../../api';
import { BoardView } from './useBoardView';

const FORMATS: Array<{ format: BoardExportFormat; label: string }> = [
  { format: 'csv', label: 'Export CSV' },
  { format: 'json', label: 'Export JSON' },
];

function saveFile(file: Blob, fileName: string) {
  const url = URL.createObjectURL(file);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  // The browser has taken the file once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Downloads every project that matches the view, as CSV or JSON. The file is
 * fetched with the user's Backstage token, which a plain link to the backend would
 * not carry, and then saved from memory.
 */
export function BoardExportButtons(props: { view: BoardView }) {
  const api = useApi(innerSourceApiRef);
  const alertApi = useApi(alertApiRef);
  const [exporting, setExporting] = useState<BoardExportFormat>();

  const download = async (format: BoardExportFormat) => {
    setExporting(format);
    try {
      const file = await api.getBoardExport(props.view, format);
      saveFile(file, `help-wanted.${format}`);
    } catch (error) {
      alertApi.post({
        message: `Could not export the board: ${(error as Error).message}`,
        severity: 'error',
      });
    } finally {
      setExporting(undefined);
    }
  };

  return (
    <>
      {FORMATS.map(({ format, label }) => (
        <Button
          key={format}
          size="small"
          startIcon={<GetAppIcon />}
          disabled={exporting !== undefined}
          onClick={() => download(format)}
        >
          {exporting === format ? 'Exporting…' : label}
        </Button>
      ))}
    </>
  );
}
