-- AlterTable
ALTER TABLE "NewsletterIssue" ADD COLUMN     "leaseToken" TEXT;
