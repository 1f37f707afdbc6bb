/** A ustar archive entry header (512 bytes) for a regular file; names are ASCII, at most 100 bytes. */
export function tarHeader(name: string, size: number, mtime = new Date()): Buffer {
  const header = Buffer.alloc(512, 0);
  const field = (value: string, offset: number, length: number) => header.write(value, offset, length, "ascii");
  const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, "0");
  field(name.slice(0, 100), 0, 100);
  field(octal(0o644, 8), 100, 8);
  field(octal(0, 8), 108, 8);
  field(octal(0, 8), 116, 8);
  field(octal(size, 12), 124, 12);
  field(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 12);
  field("        ", 148, 8);
  field("0", 156, 1);
  field("ustar\u000000", 257, 8);
  let sum = 0;
  for (const byte of header) sum += byte;
  field(`${octal(sum, 7)}\u0000 `, 148, 8);
  return header;
}

/** The zero padding after an entry's bytes, to the next 512-byte block. */
export const tarPadding = (size: number) => Buffer.alloc((512 - (size % 512)) % 512, 0);

/** The two empty blocks that end an archive. */
export const TAR_END = Buffer.alloc(1024, 0);
