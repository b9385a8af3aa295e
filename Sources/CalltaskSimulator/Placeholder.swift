enum CalltaskSimulatorPlaceholder {}
