print("centrald")
