import { useMeQuery } from '../../../gql/hooks.js';

/** The signed-in person and their organization; `viewer` is null for anonymous visitors. */
export function useViewer() {
  const { data, loading, error, refetch } = useMeQuery({ fetchPolicy: 'cache-first' });
  return { viewer: data?.me ?? null, loading: loading && !data, error, refetch };
}
