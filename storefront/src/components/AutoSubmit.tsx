"use client";

import { useEffect, useRef } from "react";

/**
 * Submits its form when a field changes: a convenience for shoppers with JavaScript. Without it, the form's own submit
 * button does the same, so every form keeps working.
 */
export function AutoSubmit() {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const onChange = () => form.requestSubmit();
    form.addEventListener("change", onChange);
    form.dataset.autosubmit = "on";
    return () => form.removeEventListener("change", onChange);
  }, []);
  return <span ref={ref} hidden />;
}
