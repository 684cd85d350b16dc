import { ActionForm } from "@/components/admin/action-form";
import type { NewsletterSchedule } from "@/lib/newsletter/automation";
import { TIME_ZONES } from "@/lib/newsletter/schedule";
import type { ActionState } from "@/lib/action-state";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const field = "mt-1 block rounded-md border border-gray-300 px-3 py-1.5 font-normal";

export interface NewsletterScheduleFormProps {
  schedule: NewsletterSchedule;
  action: (previous: ActionState | undefined, formData: FormData) => Promise<ActionState>;
}

/** The automatic e-mails' settings: what subscribers who ticked "new episodes" and "weekly digest" get, and when. */
export function NewsletterScheduleForm({ schedule, action }: NewsletterScheduleFormProps) {
  return (
    <ActionForm action={action} submitLabel="Save the schedule" className="mt-4 max-w-3xl space-y-4 rounded-lg bg-white p-4 shadow-sm">
      <fieldset className="space-y-2">
        <legend className="font-semibold">New episodes</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="episodeMails" defaultChecked={schedule.episodeMails} /> E-mail each new episode to the subscribers who asked for them
        </label>
        <label className="block text-sm font-semibold">
          Wait after an episode appears, so a title fixed soon after publishing goes out right (minutes)
          <input type="number" name="episodeDelayMinutes" min={1} max={1440} defaultValue={schedule.episodeDelayMinutes} className={`${field} w-28`} />
        </label>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="font-semibold">Weekly digest</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="digestEnabled" defaultChecked={schedule.digestEnabled} /> Send the week&apos;s episodes and stories to the subscribers
          who asked for a digest
        </label>
        <div className="flex flex-wrap gap-4">
          <label className="block text-sm font-semibold">
            Day
            <select name="digestWeekday" defaultValue={schedule.digestWeekday} className={field}>
              {WEEKDAYS.map((day, index) => (
                <option key={day} value={index}>
                  {day}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-semibold">
            Hour
            <select name="digestHour" defaultValue={schedule.digestHour} className={field}>
              {Array.from({ length: 24 }, (_, hour) => (
                <option key={hour} value={hour}>
                  {`${String(hour).padStart(2, "0")}:00`}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-semibold">
            Time zone
            <select name="digestTimeZone" defaultValue={schedule.digestTimeZone} className={field}>
              {TIME_ZONES.map((zone) => (
                <option key={zone}>{zone}</option>
              ))}
            </select>
          </label>
        </div>
      </fieldset>
      <p className="text-sm text-gray-600">Both are skipped when nothing new has been published; nobody gets the same e-mail twice.</p>
    </ActionForm>
  );
}
