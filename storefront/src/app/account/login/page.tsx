import type { Metadata } from "next";
import { login } from "../../actions";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { error } = await searchParams;
  return (
    <>
      <h1>Sign in</h1>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      <form action={login} className="form-grid">
        <div className="field wide">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="email" required />
        </div>
        <div className="field wide">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <div className="wide">
          <button type="submit">Sign in</button>
        </div>
      </form>
      <p>
        New here? <a href="/account/register">Create an account</a>
      </p>
    </>
  );
}
