print("lagotui-bench")
