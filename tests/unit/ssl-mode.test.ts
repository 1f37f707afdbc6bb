import { describe, expect, it } from "vitest";
import { sslMode } from "../../server/db/client.js";

describe("DATABASE_URL sslmode", () => {
  it("verifies the server's certificate for verify-full and verify-ca, and only encrypts for require", () => {
    const ssl = (mode: string) => sslMode(new URL(`postgres://u@db.example/h?sslmode=${mode}`));
    expect(ssl("verify-full")).toEqual({ rejectUnauthorized: true });
    expect(ssl("verify-ca")).toMatchObject({ rejectUnauthorized: true });
    expect(ssl("require")).toBe("require");
    expect(ssl("disable")).toBe(false);
  });
});
