import Link from "next/link";
import { NoticePage } from "@/components/ui/notice-page";

/** A newsletter link this site did not sign, or one cut short by a mail program. */
export function LinkNotValid() {
  return (
    <NoticePage title="This link does not work">
      <p>It may have been cut short when it was copied. Use the link at the bottom of any of our e-mails, or sign up again.</p>
      <p>
        <Link href="/newsletter" className="font-semibold underline">
          The newsletter page
        </Link>
      </p>
    </NoticePage>
  );
}
