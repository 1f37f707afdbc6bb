import { Component, type ComponentType } from "preact";
import type { ThreadAttachmentsProps as Props } from "./ThreadAttachments.js";
type Loaded = ComponentType<Props>;

let loaded: Promise<Loaded> | undefined;

/**
 * The thread's files load with the thread, not with the conversation chunk: a visitor who never opens a thread never
 * downloads them (the widget's bytes budget).
 */
export class LazyThreadAttachments extends Component<Props, { view?: Loaded }> {
  override componentDidMount() {
    loaded ??= import("./ThreadAttachments.js").then((m) => m.ThreadAttachments);
    void loaded.then((view) => this.setState({ view }));
  }

  override render() {
    const View = this.state.view;
    return View ? <View {...this.props} /> : null;
  }
}
