enum CalltaskClientPlaceholder {}
