/** GitLab stops counting (no `X-Total`, `X-Total-Pages`, `rel="last"`) above this many results. */
const COUNT_LIMIT = 10_000;

/**
 * GitLab's offset pagination: `page` (from 1) and `per_page` (default 20,
 * at most 100), answered with `X-Page`, `X-Per-Page`, `X-Total`,
 * `X-Total-Pages`, `X-Next-Page` and `X-Prev-Page` (empty at either end)
 * and a `Link` header whose addresses repeat the request's query.
 */
export function paginate<T>(
  items: T[],
  requestUrl: URL,
  publicBase: string,
): { page: T[]; headers: Record<string, string> } {
  const query = requestUrl.searchParams;
  const asked = Number.parseInt(query.get('per_page') ?? '', 10);
  const perPage =
    Number.isFinite(asked) && asked > 0 ? Math.min(asked, 100) : 20;
  const askedPage = Number.parseInt(query.get('page') ?? '', 10);
  const page = Number.isFinite(askedPage) && askedPage > 0 ? askedPage : 1;
  const total = items.length;
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const next = page < totalPages ? String(page + 1) : '';
  const prev = page > 1 ? String(Math.min(page - 1, totalPages)) : '';
  const counted = total <= COUNT_LIMIT;

  const linkTo = (target: number) => {
    const url = new URL(requestUrl.pathname + requestUrl.search, publicBase);
    url.searchParams.set('page', String(target));
    url.searchParams.set('per_page', String(perPage));
    return url.toString();
  };
  const links = [
    ...(prev ? [`<${linkTo(Number(prev))}>; rel="prev"`] : []),
    ...(next ? [`<${linkTo(Number(next))}>; rel="next"`] : []),
    `<${linkTo(1)}>; rel="first"`,
    ...(counted ? [`<${linkTo(totalPages)}>; rel="last"`] : []),
  ];
  return {
    page: slice,
    headers: {
      'x-page': String(page),
      'x-per-page': String(perPage),
      'x-next-page': next,
      'x-prev-page': prev,
      ...(counted
        ? { 'x-total': String(total), 'x-total-pages': String(totalPages) }
        : {}),
      link: links.join(', '),
    },
  };
}
