"use client";

import { Component, type ReactNode } from "react";

/**
 * One malformed item (say, pushed by an outside tool without the expected shape) must not take
 * the whole meeting room down: it is shown as a calm placeholder and the rest keeps working.
 */
export class ItemBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error("A meeting item could not be shown", error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
