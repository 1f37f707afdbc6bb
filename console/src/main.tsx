import { render } from "preact";
import { App } from "./app.js";
import { startRouter } from "./router.js";
import { startSession } from "./session.js";
import { applyTheme } from "./ui/theme.js";
import "./styles.css";

applyTheme();

const root = document.getElementById("app");
if (root) {
  startRouter();
  startSession();
  render(<App />, root);
}
