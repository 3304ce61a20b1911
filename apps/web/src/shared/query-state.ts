import { NetworkStatus } from '@apollo/client';

/**
 * Whether a list should show its spinner: on the first load, and when the filter or page changed
 * (the rows still shown are the old selection); not while cached rows are quietly refreshed.
 */
export function showsSpinner(result: { loading: boolean; data?: unknown; networkStatus: NetworkStatus }): boolean {
  return result.loading && (!result.data || result.networkStatus === NetworkStatus.setVariables);
}
