import { Component } from "preact";

interface Props {
  blob: Blob;
  /** The blob's object URL (the caller creates and revokes it). */
  url: string;
  alt: string;
}

/**
 * An image the customer picked or was sent: an <img> of its object URL, or, on a page whose Content-Security-Policy
 * does not allow blob: images (img-src), the same pixels drawn on a canvas (createImageBitmap is not subject to CSP).
 */
export class BlobImage extends Component<Props, { blocked?: boolean }> {
  draw = (canvas: HTMLCanvasElement | null) => {
    if (!canvas) return;
    createImageBitmap(this.props.blob).then(
      (bitmap) => {
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
        canvas.getContext("2d")?.drawImage(bitmap, 0, 0);
      },
      () => undefined,
    );
  };

  render({ url, alt }: Props, { blocked }: { blocked?: boolean }) {
    return blocked ? (
      <canvas ref={this.draw} role={alt ? "img" : undefined} aria-label={alt || undefined} aria-hidden={!alt} />
    ) : (
      <img src={url} alt={alt} onError={() => this.setState({ blocked: true })} />
    );
  }
}
