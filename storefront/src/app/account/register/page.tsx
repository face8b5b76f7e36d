import type { Metadata } from "next";
import { register } from "../../actions";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { error } = await searchParams;
  return (
    <>
      <h1>Create an account</h1>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      <form action={register} className="form-grid">
        <div className="field">
          <label htmlFor="firstName">First name</label>
          <input id="firstName" name="firstName" autoComplete="given-name" required />
        </div>
        <div className="field">
          <label htmlFor="lastName">Last name</label>
          <input id="lastName" name="lastName" autoComplete="family-name" required />
        </div>
        <div className="field wide">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="email" required />
        </div>
        <div className="field wide">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="new-password" required minLength={8} />
        </div>
        <div className="wide">
          <button type="submit">Create account</button>
        </div>
      </form>
      <p>
        Already have an account? <a href="/account/login">Sign in</a>
      </p>
    </>
  );
}
