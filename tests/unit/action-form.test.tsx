/** @jest-environment jsdom */
import { describe, expect, it } from "@jest/globals";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { ActionForm } from "@/components/admin/action-form";
import type { ActionState } from "@/lib/action-state";

describe("an admin form", () => {
  it("keeps what was typed when the action refuses it, and sends every field", async () => {
    const received: Record<string, FormDataEntryValue>[] = [];
    const action = async (_previous: ActionState | undefined, form: FormData): Promise<ActionState> => {
      received.push(Object.fromEntries(form));
      return { ok: false, message: "That is not a show's page on Apple Podcasts." };
    };
    render(
      <ActionForm action={action} values={{ showSlug: "harbor-hours" }} submitLabel="Save">
        <label>
          Apple page
          <input name="appleUrl" defaultValue="" />
        </label>
      </ActionForm>,
    );
    fireEvent.change(screen.getByLabelText("Apple page"), { target: { value: "https://example.com/harbor" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));
    expect(await screen.findByText("That is not a show's page on Apple Podcasts.")).toBeTruthy();
    expect(received).toEqual([{ showSlug: "harbor-hours", appleUrl: "https://example.com/harbor" }]);
    expect((screen.getByLabelText("Apple page") as HTMLInputElement).value).toBe("https://example.com/harbor");
  });
});
