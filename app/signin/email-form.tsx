"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { errorClass, inputClass, labelClass, primaryButtonClass } from "@/app/_components/ui/classes";

type Problem = "invalid_email" | "rate_limited" | "other" | null;

/**
 * The e-mail field. With JavaScript it posts JSON and stays on the page for errors (the address
 * stays in the field); without, the plain form post gets a 303 from the same endpoint.
 */
export function EmailSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("staff.signin");
  const router = useRouter();
  const id = useId();
  const [email, setEmail] = useState("");
  const [problem, setProblem] = useState<Problem>(null);
  const [pending, setPending] = useState(false);

  // Never rejects: a failed request is caught and shown, so the form's handler may `void` it.
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    setPending(true);
    setProblem(null);
    try {
      const res = await fetch("/api/auth/email-link", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email, callbackUrl }),
      });
      if (res.status === 202) {
        router.push("/signin/check-email");
        return;
      }
      setProblem(res.status === 400 ? "invalid_email" : res.status === 429 ? "rate_limited" : "other");
    } catch {
      setProblem("other");
    } finally {
      setPending(false);
    }
  }

  const errorId = `${id}-error`;
  return (
    <form method="post" action="/api/auth/email-link" onSubmit={(e) => void submit(e)} noValidate data-testid="signin-email-form">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label htmlFor={`${id}-email`} className={labelClass}>
        {t("emailLabel")}
      </label>
      <input
        id={`${id}-email`}
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        className={`mt-1 ${inputClass}`}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        aria-invalid={problem === "invalid_email" || undefined}
        aria-describedby={errorId}
        data-testid="signin-email"
      />
      <p id={errorId} className={errorClass} aria-live="polite" data-testid="signin-email-error">
        {problem ? t(`errors.${problem}`) : null}
      </p>
      <button type="submit" className={`mt-4 w-full ${primaryButtonClass}`} disabled={pending} data-testid="signin-submit">
        {pending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
