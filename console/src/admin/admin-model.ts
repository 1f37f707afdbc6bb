import { signal } from "@preact/signals";
import type { AgentCreateInput, AgentListItem, AgentUpdate, WorkspaceSettings } from "../../../shared/index.js";
import { loadAgents } from "../agents-directory.js";
import { api, ApiError, isAbort } from "../api.js";

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught));

/** The admin screen: the workspace's agents and its widget settings (origins, site keys, identity secret). */
export function createAdminModel() {
  const agents = signal<AgentListItem[]>([]);
  const workspace = signal<WorkspaceSettings | null>(null);
  const loadError = signal<ApiError | null>(null);
  /** The last action's failure, shown next to the forms; its issues name the fields. */
  const actionError = signal<ApiError | null>(null);
  const busy = signal(false);
  const controller = new AbortController();

  async function load(): Promise<void> {
    try {
      const [list, settings] = await Promise.all([api.listAgents(controller.signal), api.workspace(controller.signal)]);
      agents.value = list;
      workspace.value = settings;
      loadError.value = null;
    } catch (caught) {
      if (!isAbort(caught)) loadError.value = asApiError(caught);
    }
  }

  /** Runs one admin action; true when it worked (forms clear themselves then). */
  async function act(action: () => Promise<void>): Promise<boolean> {
    busy.value = true;
    actionError.value = null;
    try {
      await action();
      return true;
    } catch (caught) {
      actionError.value = asApiError(caught);
      return false;
    } finally {
      busy.value = false;
    }
  }

  const replaceAgent = (agent: AgentListItem) => {
    agents.value = agents.value.some((a) => a.id === agent.id)
      ? agents.value.map((a) => (a.id === agent.id ? agent : a))
      : [...agents.value, agent];
    void loadAgents(true);
  };

  return {
    agents,
    workspace,
    loadError,
    actionError,
    busy,
    load,
    start(): () => void {
      void load();
      return () => controller.abort();
    },
    createAgent: (input: AgentCreateInput) => act(async () => replaceAgent(await api.createAgent(input))),
    updateAgent: (id: string, changes: AgentUpdate) =>
      act(async () => replaceAgent(await api.updateAgent(id, changes))),
    saveOrigins: (origins: string[]) =>
      act(async () => {
        workspace.value = await api.updateWorkspace({ allowedOrigins: origins });
      }),
    createSiteKey: (label: string) =>
      act(async () => {
        await api.createSiteKey(label);
        workspace.value = await api.workspace();
      }),
    revokeSiteKey: (key: string) =>
      act(async () => {
        await api.revokeSiteKey(key);
        workspace.value = await api.workspace();
      }),
    rotateSecret: () =>
      act(async () => {
        const identitySecret = await api.rotateIdentitySecret();
        if (workspace.value) workspace.value = { ...workspace.value, identitySecret };
      }),
  };
}
export type AdminModel = ReturnType<typeof createAdminModel>;
