import { AccountScreen } from "./account/account-screen.js";
import { FirstPasswordScreen } from "./account/first-password-screen.js";
import { AdminScreen } from "./admin/admin-screen.js";
import type { Agent } from "../../shared/index.js";
import { LoginScreen } from "./login/login-screen.js";
import { MetricTicketsScreen } from "./metrics/drilldown-screen.js";
import { MetricsScreen } from "./metrics/metrics-screen.js";
import { QueueScreen } from "./queue/queue-screen.js";
import { route, href } from "./router.js";
import { checkSession, session } from "./session.js";
import { MatrixScreen } from "./escalation/matrix-screen.js";
import { TicketScreen } from "./ticket/ticket-screen.js";
import { ErrorNotice } from "./ui/error-notice.js";
import { Layout } from "./ui/layout.js";
import { Link } from "./ui/link.js";
import { ScreenHeading } from "./ui/screen-heading.js";
import { useDocumentTitle } from "./ui/use-title.js";

export function App() {
  const state = session.value;
  if (state.kind === "checking") {
    return (
      <p class="placeholder placeholder--page" role="status">
        Loading…
      </p>
    );
  }
  if (state.kind === "error") {
    return (
      <main class="login">
        <div class="login__card">
          <ErrorNotice error={state.error} title="Couldn't reach Handoff" onRetry={() => void checkSession()} />
        </div>
      </main>
    );
  }
  if (state.kind === "signed-out") return <LoginScreen reason={state.reason} email={state.email} />;
  if (state.agent.mustChangePassword) return <FirstPasswordScreen agent={state.agent} />;
  return (
    <Layout agent={state.agent}>
      <CurrentScreen agent={state.agent} />
    </Layout>
  );
}

function CurrentScreen({ agent }: { agent: Agent }) {
  const current = route.value;
  switch (current.name) {
    case "queue":
      return <QueueScreen key="queue" query={current.query} />;
    case "ticket":
      return <TicketScreen key={current.id} id={current.id} />;
    case "matrix":
      return <MatrixScreen key="matrix" />;
    case "metrics":
      return <MetricsScreen key="metrics" query={current.query} />;
    case "metric-tickets":
      return <MetricTicketsScreen key="metric-tickets" query={current.query} />;
    case "account":
      return <AccountScreen key="account" agent={agent} />;
    case "admin":
      return <AdminScreen key="admin" />;
    case "not-found":
      return <NotFound />;
  }
}

function NotFound() {
  useDocumentTitle("Not found");
  return (
    <section class="screen">
      <ScreenHeading>Page not found</ScreenHeading>
      <p>
        There is nothing at this address. <Link href={href()}>Go to the tickets</Link>.
      </p>
    </section>
  );
}
