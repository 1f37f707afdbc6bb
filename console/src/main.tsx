import { render } from "preact";
import { App } from "./app.js";
import { startRouter } from "./router.js";
import { startSession } from "./session.js";
import "./styles.css";

const root = document.getElementById("app");
if (root) {
  startRouter();
  startSession();
  render(<App />, root);
}
