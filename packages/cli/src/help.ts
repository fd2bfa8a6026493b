/** `storeport --help`. */
export const HELP = `storeport: export customers, orders and products from any supported platform

Usage
  storeport export <customers|orders|products> --platform <commerce7|commercehq|commerce-api|all> [options]
  storeport list   <customers|orders|products> --platform <platform> [--cursor C] [--limit N] [options]
  storeport get    <customers|orders|products> <id> --platform <platform> [options]

Export options
  --out, -o FILE        write to FILE instead of stdout
  --format, -f FORMAT   jsonl (default: one unified record per line, raw included), csv, table
  --since ISO           only records updated at or after this time, e.g. 2026-01-01T00:00:00Z
  --limit N             at most N records from each platform (list: the page size)
  --page-size N         records per request (default: the platform's maximum)
  --resume FILE         save progress in FILE after every page; run the same command again to
                        continue after Ctrl-C or a crash, without writing any record twice
  --no-csv-guard        (csv) write cells starting with = + - @ as they are; by default they get a
                        leading ' so a spreadsheet cannot run them as formulas
  --rejected FILE       where records that fail validation go (default <out>.rejected.jsonl);
                        the export goes on and exits with 3 when any were rejected
  --strict              stop at the first record that fails validation instead
  --quiet, -q           no progress and no summary
  --debug               stack traces and error details (secrets are still removed)

Any command
  --help, -h            this help
  --sandbox             run against an embedded simulator of the platform (no account needed)
  --cursor C            (list) the page after C: the "next cursor" a previous list printed

Credentials (flags win over environment variables; never printed). Prefer the variables for
secrets: a command line is visible to other users (ps), so secret flags print a warning
  commerce7      --tenant, --app-id, --app-secret
                 STOREPORT_COMMERCE7_TENANT, STOREPORT_COMMERCE7_APP_ID, STOREPORT_COMMERCE7_APP_SECRET
  commercehq     --store, --api-key, --api-password
                 STOREPORT_COMMERCEHQ_STORE, STOREPORT_COMMERCEHQ_API_KEY, STOREPORT_COMMERCEHQ_API_PASSWORD
  commerce-api   --base-url and either --api-key or --email with --password
                 STOREPORT_COMMERCE_API_BASE_URL, STOREPORT_COMMERCE_API_KEY,
                 STOREPORT_COMMERCE_API_EMAIL, STOREPORT_COMMERCE_API_PASSWORD
  --base-url also points commerce7 / commercehq elsewhere (STOREPORT_COMMERCE7_BASE_URL,
  STOREPORT_COMMERCEHQ_BASE_URL); --currency CODE sets the store currency Commerce7 and
  CommerceHQ do not send (default USD). With --platform all use the environment variables.

Exit codes: 0 ok, 1 runtime error, 2 usage error, 3 records rejected, 130 interrupted

Example
  storeport export orders --platform all --sandbox --out orders.jsonl
`;
