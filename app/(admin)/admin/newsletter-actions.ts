"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { redirect } from "next/navigation";
import { ActionFailure, adminAction } from "@/lib/admin-action";
import { requestIssueSend } from "@/lib/jobs";
import { siteMailer } from "@/lib/mail/mailer";
import { deleteSubscriber, ImportError, importSubscribers } from "@/lib/newsletter/admin";
import { changeNewsletterSchedule } from "@/lib/newsletter/automation";
import { composeIssue, NothingNewError, sendTestIssue } from "@/lib/newsletter/issues";
import { mailConfirmation } from "@/lib/newsletter/subscriptions";
import { composeIssueSchema, importSubscribersSchema, newsletterScheduleSchema, sendIssueSchema, subscriberIdSchema, testIssueSchema } from "@/lib/validations/admin";

export const removeSubscriber = adminAction(subscriberIdSchema, async ({ subscriberId }) => {
  if (!(await deleteSubscriber(subscriberId))) throw new ActionFailure("That subscriber was already deleted.");
  revalidatePath("/admin/newsletter");
  return "Deleted, with everything kept about them.";
});

export const importSubscriberFile = adminAction(importSubscribersSchema, async ({ file, priorConsent }) => {
  try {
    const report = await importSubscribers(await file.text(), { priorConsent, fileName: file.name });
    // Confirmation links go out after the answer; each is a separate message through the site's mailer.
    after(async () => {
      for (const id of report.toConfirm) await mailConfirmation(id, siteMailer()).catch((error: Error) => console.error(`Confirmation mail failed: ${error.message}`));
    });
    revalidatePath("/admin/newsletter");
    const problems = report.problems.length
      ? ` Skipped ${report.problems.length}: ${report.problems
          .slice(0, 5)
          .map((problem) => `line ${problem.line} (${problem.message})`)
          .join("; ")}${report.problems.length > 5 ? "; …" : ""}.`
      : "";
    const how = priorConsent ? "as confirmed, with your word for their consent" : "as pending: each was sent a link to confirm";
    return `Added ${report.added} ${how}; ${report.alreadyListed} were already on the list and were left as they are.${problems}`;
  } catch (error) {
    if (error instanceof ImportError) throw new ActionFailure(error.message);
    throw error;
  }
});

export const composeNewsletterIssue = adminAction(composeIssueSchema, async ({ kind, intro }) => {
  let issue: { id: string };
  try {
    issue = await composeIssue(kind, intro);
  } catch (error) {
    if (error instanceof NothingNewError) throw new ActionFailure(error.message);
    throw error;
  }
  redirect(`/admin/newsletter/issues/${issue.id}`);
});

export const sendNewsletterIssue = adminAction(sendIssueSchema, async ({ issueId }) => {
  try {
    await requestIssueSend(issueId);
  } catch (error) {
    throw new ActionFailure((error as Error).message);
  }
  revalidatePath(`/admin/newsletter/issues/${issueId}`);
  return "Sending: the counts below update as it goes.";
});

export const sendTestNewsletterIssue = adminAction(testIssueSchema, async ({ issueId, to }, admin) => {
  if (!(await sendTestIssue(admin, issueId, to, siteMailer()))) throw new ActionFailure("That issue is gone.");
  return `A test went to ${to}; nobody else got it.`;
});

export const saveNewsletterSchedule = adminAction(newsletterScheduleSchema, async (change, admin) => {
  await changeNewsletterSchedule(admin, change);
  revalidatePath("/admin/newsletter/issues");
  revalidatePath("/admin");
  return "Saved: the schedule counts from now.";
});
