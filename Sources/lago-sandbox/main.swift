import LagoSandbox
print("lago-sandbox")
