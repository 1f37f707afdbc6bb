import { signal } from "@preact/signals";
import {
  type ApiToken,
  TOKEN_PATHS,
  type TokenCreate,
  type TokenCreated,
  tokenCreatedSchema,
  tokenListSchema,
} from "../../../shared/tokens-api.js";
import { ApiError, json, send } from "../api.js";

/** The workspace's API tokens: list, create (the secret is kept only until dismissed), revoke. */
export function createApiTokensModel() {
  const tokens = signal<ApiToken[]>([]);
  const created = signal<TokenCreated | null>(null);
  const error = signal<ApiError | null>(null);
  const busy = signal(false);

  async function run(work: () => Promise<void>) {
    busy.value = true;
    error.value = null;
    try {
      await work();
    } catch (caught) {
      error.value = caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught));
    } finally {
      busy.value = false;
    }
  }
  const load = () =>
    run(async () => {
      tokens.value = (await json(TOKEN_PATHS.tokens, tokenListSchema)).tokens;
    });

  return {
    tokens,
    created,
    error,
    busy,
    load,
    create: (input: TokenCreate) =>
      run(async () => {
        created.value = await json(TOKEN_PATHS.tokens, tokenCreatedSchema, { method: "POST", body: input });
        tokens.value = (await json(TOKEN_PATHS.tokens, tokenListSchema)).tokens;
      }),
    revoke: (id: string) =>
      run(async () => {
        await send(TOKEN_PATHS.token(id), { method: "DELETE" });
        tokens.value = (await json(TOKEN_PATHS.tokens, tokenListSchema)).tokens;
      }),
    dismissCreated: () => {
      created.value = null;
    },
  };
}
export type ApiTokensModel = ReturnType<typeof createApiTokensModel>;
