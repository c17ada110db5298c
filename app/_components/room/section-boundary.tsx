"use client";

import { Component, createRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";

/** `className`: the wrapper's layout (the shared screen's columns), kept while the part is shown. */
type Props = { name: string; testId: string; className?: string; children: ReactNode };
type Labels = { title: string; body: string; retry: string };
type State = { failed: boolean; attempt: number; retried: boolean };

/**
 * One part of the room (agenda, plan, actions, follow-up, the meeting flow, the shared screen)
 * that cannot be shown — a document stored in a shape the screen does not expect, a bug — is
 * replaced by a calm notice with a retry, and every other part keeps working. Before this, one
 * value of the wrong type anywhere blanked the whole room for everyone.
 */
export function SectionBoundary({ name, testId, className, children }: Props) {
  const t = useTranslations("room.sectionBroken");
  const labels = { title: t("title", { section: name }), body: t("body"), retry: t("retry") };
  return (
    <Boundary labels={labels} testId={testId} name={name} className={className}>
      {children}
    </Boundary>
  );
}

class Boundary extends Component<Props & { labels: Labels }, State> {
  override state: State = { failed: false, attempt: 0, retried: false };
  private readonly retryButton = createRef<HTMLButtonElement>();

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(`The section "${this.props.name}" could not be shown`, error);
  }

  override componentDidUpdate(): void {
    // A retry that fails again shows the notice anew: keep the focus on its button.
    if (this.state.failed && this.state.retried) {
      this.retryButton.current?.focus();
      this.setState({ retried: false });
    }
  }

  private readonly retry = () => this.setState((s) => ({ failed: false, attempt: s.attempt + 1, retried: true }));

  override render(): ReactNode {
    const { labels, testId, className, children } = this.props;
    if (!this.state.failed)
      return (
        <div key={this.state.attempt} className={className}>
          {children}
        </div>
      );
    const titleId = `${testId}-broken-title`;
    return (
      <section
        aria-labelledby={titleId}
        className="rounded-xl border border-amber-700 bg-amber-50 p-4 text-amber-950"
        data-testid={`${testId}-broken`}
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {labels.title}
        </h2>
        <p className="mt-1">{labels.body}</p>
        <button
          ref={this.retryButton}
          type="button"
          onClick={this.retry}
          className="mt-3 min-h-11 rounded-md border border-amber-900 bg-white px-4 font-medium text-amber-950"
          data-testid={`${testId}-retry`}
        >
          {labels.retry}
        </button>
      </section>
    );
  }
}
