export function Footer() {
  return (
    <footer role="contentinfo">
      <div className="nhsuk-footer" id="nhsuk-footer">
        <div className="nhsuk-width-container">
          <h2 className="nhsuk-u-visually-hidden">Support links</h2>
          <div className="nhsuk-footer__meta">
            <p className="nhsuk-body-s">
              PEFF helps NHS organisations share equality intelligence across a region. If you need information from this service in
              an alternative format, such as large print, easy read or another language, contact your organisation&apos;s equality lead.
            </p>
            <p className="nhsuk-footer__copyright">&copy; NHS collaborative platform</p>
          </div>
        </div>
      </div>
    </footer>
  );
}
