import type { ReactNode } from "react";
import { SiteHeader } from "@/app/_components/site-header";
import type { StaffActor } from "@/lib/access/actor";
import { StaffBar } from "./staff-bar";

/** The frame of every staff page: site header, staff bar, and the page's main landmark. */
export function StaffPage({
  staff,
  children,
  testId,
}: {
  staff: Pick<StaffActor, "name" | "email"> & Partial<Pick<StaffActor, "roles">>;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <>
      <SiteHeader />
      <StaffBar staff={staff} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8" data-testid={testId}>
        {children}
      </main>
    </>
  );
}
