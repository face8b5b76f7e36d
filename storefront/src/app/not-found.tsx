
export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>We could not find that page. It may have moved, or the product may no longer be sold.</p>
      <p>
        <a href="/">Go to the home page</a> or use the search above.
      </p>
    </>
  );
}
