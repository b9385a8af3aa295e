enum CalltaskCorePlaceholder {}
