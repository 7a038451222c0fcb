"""Icons, stylesheets and translations shipped with NIA Desktop."""
