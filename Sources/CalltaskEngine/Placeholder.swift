enum CalltaskEnginePlaceholder {}
