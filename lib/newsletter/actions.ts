"use server";

// The admin's newsletter pages: subscribers imported and deleted, issues composed, tried and sent, the schedule.
import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { action } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { requestIssueSend } from "@/lib/jobs";
import { siteMailer } from "@/lib/mail/mailer";
import { deleteSubscriber, importSubscribers } from "@/lib/newsletter/admin";
import { changeNewsletterSchedule } from "@/lib/newsletter/automation";
import { composeIssue, sendTestIssue } from "@/lib/newsletter/issues";
import { mailConfirmation } from "@/lib/newsletter/subscriptions";
import {
  composeIssueSchema,
  importSubscribersSchema,
  newsletterScheduleSchema,
  sendIssueSchema,
  subscriberIdSchema,
  testIssueSchema,
} from "@/lib/validations/admin";

export const removeSubscriber = action({ auth: "admin", schema: subscriberIdSchema }, async ({ subscriberId }) => {
  if (!(await deleteSubscriber(subscriberId))) throw new AppError("not-found", "That subscriber was already deleted.");
  revalidatePath("/admin/newsletter");
  return "Deleted, with everything kept about them.";
});

export const importSubscriberFile = action({ auth: "admin", schema: importSubscribersSchema }, async ({ file, priorConsent }) => {
  const report = await importSubscribers(await file.text(), { priorConsent, fileName: file.name });
  // Confirmation links go out after the answer; each is a separate message through the site's mailer.
  after(async () => {
    for (const id of report.toConfirm)
      await mailConfirmation(id, siteMailer()).catch((error: Error) => console.error(`Confirmation mail failed: ${error.message}`));
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
});

export const composeNewsletterIssue = action({ auth: "admin", schema: composeIssueSchema }, async ({ kind, intro }) => {
  const issue = await composeIssue(kind, intro);
  redirect(`/admin/newsletter/issues/${issue.id}`);
});

export const sendNewsletterIssue = action({ auth: "admin", schema: sendIssueSchema }, async ({ issueId }) => {
  await requestIssueSend(issueId);
  revalidatePath(`/admin/newsletter/issues/${issueId}`);
  return "Sending: the counts below update as it goes.";
});

export const sendTestNewsletterIssue = action({ auth: "admin", schema: testIssueSchema }, async ({ issueId, to }, admin) => {
  if (!(await sendTestIssue(admin, issueId, to, siteMailer()))) throw new AppError("not-found", "That issue is gone.");
  return `A test went to ${to}; nobody else got it.`;
});

export const saveNewsletterSchedule = action({ auth: "admin", schema: newsletterScheduleSchema }, async (change, admin) => {
  await changeNewsletterSchedule(admin, change);
  revalidatePath("/admin/newsletter/issues");
  revalidatePath("/admin");
  return "Saved: the schedule counts from now.";
});
